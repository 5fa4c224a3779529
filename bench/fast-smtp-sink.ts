// A minimal SMTP server for the newsletter benchmark: it answers every command with success and
// counts messages, nothing more (no parsing), so the sender's cost is what gets measured. Run as
// a child process: prints its port, then on stdin "count" answers the number received so far.
import net from 'node:net';

let received = 0;
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  let inData = false;
  let pending = '';
  socket.write('220 bench ESMTP\r\n');
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    for (;;) {
      if (inData) {
        const end = pending.indexOf('\r\n.\r\n');
        if (end === -1) {
          // Keep only what could be the start of the terminator.
          if (pending.length > 8) pending = pending.slice(-4);
          return;
        }
        pending = pending.slice(end + 5);
        inData = false;
        received += 1;
        socket.write('250 2.0.0 queued\r\n');
        continue;
      }
      const eol = pending.indexOf('\r\n');
      if (eol === -1) return;
      const line = pending.slice(0, eol).toUpperCase();
      pending = pending.slice(eol + 2);
      if (line.startsWith('EHLO'))
        socket.write('250-bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      else if (line.startsWith('HELO')) socket.write('250 bench\r\n');
      else if (line === 'DATA') {
        inData = true;
        socket.write('354 go ahead\r\n');
      } else if (line === 'QUIT') {
        socket.end('221 bye\r\n');
        return;
      } else socket.write('250 ok\r\n');
    }
  });
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address() as net.AddressInfo;
  process.stdout.write(`${address.port}\n`);
});
process.stdin.on('data', (line) => {
  if (String(line).trim() === 'count') process.stdout.write(`${received}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
