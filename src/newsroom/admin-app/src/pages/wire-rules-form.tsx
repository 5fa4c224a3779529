/**
 * A source's arrival setting and publish rules, in a disclosure above the queue: whether items
 * auto-publish or wait for desk review, and exceptions by subject code or keyword ("auto-publish
 * sport results", "desk review for politics"). Admins (who hold wire.configure) edit and save
 * them; the desk reads them. A matching desk-review rule wins over an auto-publish rule.
 */
import { useState } from 'react';
import { type PublishRule, type WireSourceJson, wireApi } from '../wire-api.ts';
import { errorText } from './not-yet.tsx';

interface RuleRow {
  readonly key: number;
  readonly kind: 'subject' | 'keyword';
  readonly value: string;
  readonly decision: 'publish' | 'review';
}

const toRows = (rules: readonly PublishRule[]): RuleRow[] =>
  rules.map((r, i) => ({
    key: i,
    kind: r.subject !== undefined ? 'subject' : 'keyword',
    value: r.subject ?? r.keyword ?? '',
    decision: r.decision,
  }));

export function WireRulesForm(props: { source: WireSourceJson; canConfigure: boolean; onSaved: () => void }) {
  const { source, canConfigure } = props;
  const [autoPublish, setAutoPublish] = useState(source.autoPublish);
  const [rows, setRows] = useState<RuleRow[]>(() => toRows(source.publishRules));
  const [nextKey, setNextKey] = useState(source.publishRules.length);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const change = (key: number, patch: Partial<RuleRow>) => {
    setSaved(false);
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const add = () => {
    setSaved(false);
    setRows((current) => [...current, { key: nextKey, kind: 'subject', value: '', decision: 'publish' }]);
    setNextKey(nextKey + 1);
  };
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await wireApi.saveRules(source.id, {
        autoPublish,
        publishRules: rows.map((r) => ({ [r.kind]: r.value, decision: r.decision }) as PublishRule),
      });
      setSaved(true);
      props.onSaved();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const summary = `${source.autoPublish ? 'Auto-publish' : 'Desk review'}${
    source.publishRules.length > 0
      ? `, ${source.publishRules.length} ${source.publishRules.length === 1 ? 'rule' : 'rules'}`
      : ', no rules'
  }`;
  return (
    <details className="panel wire-rules">
      <summary>Publishing rules · {summary}</summary>
      <form
        aria-label={`Publishing rules of ${source.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          A desk-review rule that matches wins over an auto-publish rule; when no rule matches, the source’s
          setting decides. Subject rules match the agency’s subject code or name; keyword rules a keyword.
        </p>
        <label className="row wire-rules-default">
          <input
            type="checkbox"
            checked={autoPublish}
            disabled={!canConfigure}
            onChange={(e) => {
              setSaved(false);
              setAutoPublish(e.target.checked);
            }}
          />
          Auto-publish items on arrival (otherwise they wait for desk review)
        </label>
        {rows.length === 0 ? (
          <p className="muted">No rules: every item follows the source’s setting.</p>
        ) : null}
        <ol className="wire-rules-list">
          {rows.map((r, i) => (
            <li key={r.key} className="row">
              <label className="filter">
                <span>Rule {i + 1} matches</span>
                <select
                  value={r.kind}
                  disabled={!canConfigure}
                  onChange={(e) => change(r.key, { kind: e.target.value as RuleRow['kind'] })}
                >
                  <option value="subject">Subject code</option>
                  <option value="keyword">Keyword</option>
                </select>
              </label>
              <label className="filter">
                <span>
                  Rule {i + 1} {r.kind === 'subject' ? 'subject' : 'keyword'}
                </span>
                <input
                  type="text"
                  value={r.value}
                  readOnly={!canConfigure}
                  onChange={(e) => change(r.key, { value: e.target.value })}
                />
              </label>
              <label className="filter">
                <span>Rule {i + 1} decision</span>
                <select
                  value={r.decision}
                  disabled={!canConfigure}
                  onChange={(e) => change(r.key, { decision: e.target.value as RuleRow['decision'] })}
                >
                  <option value="publish">Auto-publish</option>
                  <option value="review">Desk review</option>
                </select>
              </label>
              {canConfigure ? (
                <button
                  type="button"
                  className="button small ghost"
                  onClick={() => {
                    setSaved(false);
                    setRows((current) => current.filter((x) => x.key !== r.key));
                  }}
                >
                  Remove rule {i + 1}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {canConfigure ? (
          <div className="row">
            <button type="button" className="button small" onClick={add}>
              Add a rule
            </button>
            <button type="submit" className="button small primary" disabled={busy}>
              Save the rules
            </button>
          </div>
        ) : (
          <p className="muted">Only an admin can change a source’s rules.</p>
        )}
        {problem ? (
          <p className="form-error" role="alert">
            {problem}
          </p>
        ) : null}
        {saved ? (
          <p className="notice" role="status">
            Saved: new items of {source.name} follow these rules.
          </p>
        ) : null}
      </form>
    </details>
  );
}
