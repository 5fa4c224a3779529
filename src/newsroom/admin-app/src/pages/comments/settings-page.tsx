/**
 * A brand's community settings (editors and admins: `community.manage`): pre- or
 * post-moderation, the brand's own banned words, and when threads close.
 */
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { Field } from '../../components.tsx';
import { useSignedIn } from '../../session.tsx';
import { useLoad } from '../../use-api.ts';
import { errorText } from '../not-yet.tsx';
import './moderation.css';
import { canManageCommunity, moderationApi } from './moderation-api.ts';
import { CommentsTabs } from './parts.tsx';

export function CommunitySettingsPage() {
  const { site, siteId, user } = useSignedIn();
  const manage = canManageCommunity(user.role);
  return (
    <section className="page moderation">
      <header className="page-header">
        <div>
          <h1>Comments</h1>
          <p className="muted">
            {site ? `${site.name} · community settings` : 'Choose a brand in the top bar.'}
          </p>
        </div>
      </header>
      <CommentsTabs manage={manage} />
      {!manage ? (
        <div className="empty-state">
          Only editors and admins change a brand’s community settings; moderators work the queues.
        </div>
      ) : siteId ? (
        <SettingsForm key={siteId} siteId={siteId} guidelinesHost={site?.hosts[0]} />
      ) : null}
    </section>
  );
}

function SettingsForm({ siteId, guidelinesHost }: { siteId: number; guidelinesHost?: string }) {
  const settings = useLoad(() => moderationApi.settings(siteId), [siteId]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  if (settings.error) return <div className="empty-state">{settings.error}</div>;
  if (!settings.data) return <div className="panel">Loading the settings…</div>;
  const current = settings.data;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const days = String(data.get('closeAfterDays') ?? '').trim();
    const closeAfterDays = days === '' ? null : Number(days);
    if (closeAfterDays !== null && (!Number.isInteger(closeAfterDays) || closeAfterDays < 1)) {
      setFields({ closeAfterDays: 'must be a whole number of days (1 or more), or empty for never' });
      setMessage({ text: 'Some fields are not valid.', error: true });
      return;
    }
    try {
      await moderationApi.saveSettings(siteId, {
        moderationMode: data.get('moderationMode') === 'pre' ? 'pre' : 'post',
        bannedWords: String(data.get('bannedWords') ?? '')
          .split('\n')
          .map((w) => w.trim())
          .filter(Boolean),
        closeAfterDays,
      });
      setFields({});
      setMessage({ text: 'Community settings saved.', error: false });
      settings.reload();
    } catch (err) {
      setFields(
        err instanceof ApiError
          ? Object.fromEntries(err.fields.map((f) => [f.field.replace(/^\/?body\/?/, ''), f.message]))
          : {},
      );
      setMessage({ text: errorText(err), error: true });
    }
  };

  const port = window.location.port ? `:${window.location.port}` : '';
  const guidelines = guidelinesHost
    ? `${window.location.protocol}//${guidelinesHost}${port}/community/guidelines`
    : '/community/guidelines';

  return (
    <form className="panel settings-form" onSubmit={save} noValidate key={JSON.stringify(current)}>
      <h2>Moderation</h2>
      <fieldset className="mode-choice">
        <legend className="field-label">Moderation mode</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="moderationMode"
            value="post"
            defaultChecked={current.moderationMode === 'post'}
          />
          <span>
            <strong>Post-moderation</strong>
            <span className="hint"> Comments show at once; moderators work reports and automatic holds.</span>
          </span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="moderationMode"
            value="pre"
            defaultChecked={current.moderationMode === 'pre'}
          />
          <span>
            <strong>Pre-moderation</strong>
            <span className="hint"> Nothing shows before a moderator approves it.</span>
          </span>
        </label>
      </fieldset>
      <Field
        id="close-after"
        label="Close threads after (days)"
        error={fields.closeAfterDays}
        hint="Days after publication; leave empty to keep threads open."
      >
        <input
          id="close-after"
          name="closeAfterDays"
          inputMode="numeric"
          defaultValue={current.closeAfterDays ?? ''}
          aria-describedby={fields.closeAfterDays ? 'close-after-error' : undefined}
        />
      </Field>
      <Field
        id="banned-words"
        label="Banned words"
        error={fields.bannedWords}
        hint="One a line. Comments with these (or the profanity list’s words, however spelled) are held for review."
      >
        <textarea
          id="banned-words"
          name="bannedWords"
          rows={6}
          defaultValue={current.bannedWords.join('\n')}
        />
      </Field>
      <div className="row">
        <button type="submit" className="button primary">
          Save settings
        </button>
        <a className="button ghost" href={guidelines} target="_blank" rel="noreferrer">
          View the community guidelines
        </a>
        {message ? (
          <p className={message.error ? 'form-error' : 'notice ok'} role="status">
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
