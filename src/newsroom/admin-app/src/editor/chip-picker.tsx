/** Chips with autocomplete: tags (with "create" when the name is new) and authors. */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';

export interface Choice {
  readonly id: number;
  readonly name: string;
}

export interface ChipPickerProps {
  readonly id: string;
  readonly choices: readonly Choice[];
  readonly value: readonly number[];
  readonly onChange: (ids: number[]) => void;
  /** Offered when the typed name matches no choice; resolves to the new choice. */
  readonly onCreate?: (name: string) => Promise<Choice>;
  readonly placeholder?: string;
  readonly describedBy?: string;
}

export function ChipPicker(props: ChipPickerProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const chosen = props.value.map((id) => props.choices.find((c) => c.id === id) ?? { id, name: `#${id}` });
  const needle = text.trim().toLowerCase();
  const matches = useMemo(
    () =>
      props.choices
        .filter((c) => !props.value.includes(c.id) && (!needle || c.name.toLowerCase().includes(needle)))
        .slice(0, 8),
    [props.choices, props.value, needle],
  );
  const exact = props.choices.some((c) => c.name.toLowerCase() === needle);
  const offerCreate = Boolean(props.onCreate && needle && !exact);
  const options = [
    ...matches.map((m) => ({ kind: 'pick' as const, choice: m })),
    ...(offerCreate ? [{ kind: 'create' as const }] : []),
  ];

  const pick = (choice: Choice) => {
    props.onChange([...props.value, choice.id]);
    setText('');
    setActive(0);
    setProblem(null);
  };
  const choose = async (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'pick') return pick(option.choice);
    try {
      pick(await props.onCreate!(text.trim()));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The tag could not be created.');
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' || event.key === ',') {
      if (!needle) return;
      event.preventDefault();
      void choose(active);
    } else if (event.key === 'Backspace' && text === '' && props.value.length > 0) {
      props.onChange(props.value.slice(0, -1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <>
      <div className="tag-input">
        {chosen.map((c) => (
          <span className="chip" key={c.id}>
            {c.name}
            <button
              type="button"
              aria-label={`Remove ${c.name}`}
              onClick={() => props.onChange(props.value.filter((id) => id !== c.id))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={props.id}
          value={text}
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={props.describedBy}
          placeholder={props.placeholder}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        {open && options.length > 0 ? (
          <div className="suggestions" id={listId} role="listbox">
            {options.map((option, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys (combobox pattern).
              <div
                tabIndex={-1}
                key={option.kind === 'pick' ? option.choice.id : 'create'}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void choose(i)}
              >
                {option.kind === 'pick' ? option.choice.name : `Create “${text.trim()}”`}
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
    </>
  );
}
