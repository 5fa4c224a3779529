// A throwaway nginx in front of the soak's app nodes: the load balancer and shared cache of the
// reference setup (docs/nginx/), written into a temporary prefix and run in the foreground.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NginxOptions {
  readonly prefix: string;
  readonly port: number;
  readonly upstreams: readonly number[];
}

/**
 * Round robin over the nodes with keep-alive connections, a shared cache that obeys the nodes'
 * Cache-Control (s-maxage, stale-while-revalidate, stale-if-error), one request per missing page
 * (proxy_cache_lock) and stale pages served while one request refreshes them.
 */
export function nginxConfig({ prefix, port, upstreams }: NginxOptions): string {
  return `worker_processes 2;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${join(prefix, 'client')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  log_format cache '$upstream_cache_status $status $upstream_status $host$request_uri $request_time $upstream_response_time';
  access_log ${join(prefix, 'cache.log')} cache buffer=256k flush=5s;
  upstream dateline {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 64;
  }
  proxy_cache_path ${join(prefix, 'cache')} levels=1:2 keys_zone=dateline:64m max_size=2g inactive=30m use_temp_path=off;
  server {
    listen 127.0.0.1:${port} reuseport backlog=4096;
    location / {
      proxy_pass http://dateline;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_cache dateline;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_lock on;
      # A reader waiting for another's fetch of the same page keeps waiting (default 5 s, then a
      # second, uncached fetch): under load those second fetches are what tips the nodes over.
      proxy_cache_lock_timeout 15s;
      proxy_cache_background_update on;
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status;
    }
  }
}
`;
}

export function startNginx(options: NginxOptions): ChildProcess {
  for (const dir of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'cache']) {
    mkdirSync(join(options.prefix, dir), { recursive: true });
    // nginx's workers drop root for an unprivileged user, which must write the cache.
    chmodSync(join(options.prefix, dir), 0o777);
  }
  chmodSync(options.prefix, 0o777);
  const conf = join(options.prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig(options));
  return spawn('nginx', ['-p', options.prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
}
