/**
 * View flags: link fields that change how the page looks, never what it trains. They live in
 * the hash beside the settings (`#dataset=xor&…&embed=1&lr_hide=1`), are not settings (the
 * settings codec skips them without a notice) and are kept when the page rewrites its hash.
 *
 * - `embed=1`: the page as a frame in another page (no header; a slim run bar).
 * - `presentation=1`: large type for a projector.
 * - `<key>_hide=1` (or `=true`): hides one control or group. Every settings row has one, from
 *   its link key (`lr_hide`), and TensorFlow Playground's spelling where the row names it
 *   (`learningRate_hide`); the page's other controls and regions are listed in PAGE_CONTROLS.
 */
import { SETTING_KEYS, type SettingKey } from './settings';
import { rowOf } from './validate';

/** Controls and regions that are not settings, with TensorFlow Playground's name if it has one. */
export const PAGE_CONTROLS = {
  play: { label: 'Play / Pause', tf: 'playButton' },
  step: { label: 'Step', tf: 'stepButton' },
  reset: { label: 'Reset', tf: 'resetButton' },
  epoch: { label: 'Epoch counter' },
  copyLink: { label: 'Copy link' },
  regenerate: { label: 'Regenerate' },
  selectSeveral: { label: 'Select several' },
  layerButtons: { label: 'Per-layer neuron buttons' },
  hyperparameters: { label: 'Hyperparameters (the whole group)' },
  dataPanel: { label: 'Data panel' },
  lossChart: { label: 'Loss chart' },
  readouts: { label: 'Losses and accuracy' },
} as const satisfies Record<string, { label: string; tf?: string }>;

export type PageControlId = keyof typeof PAGE_CONTROLS;

/** Anything a hide flag can name: a setting's control or one of PAGE_CONTROLS. */
export type ControlId = SettingKey | PageControlId;

export interface ViewFlags {
  readonly embed: boolean;
  readonly presentation: boolean;
  /** Controls hidden by `_hide` flags. */
  readonly hidden: ReadonlySet<ControlId>;
}

export const NO_VIEW_FLAGS: ViewFlags = { embed: false, presentation: false, hidden: new Set() };

/** Suffix of a hide flag's key. */
const HIDE = '_hide';

/** Every hide key (without the suffix) and the control it hides. TF spellings included. */
const CONTROL_OF_HIDE_KEY: ReadonlyMap<string, ControlId> = new Map<string, ControlId>([
  ...SETTING_KEYS.flatMap((key): [string, ControlId][] => {
    const row = rowOf(key);
    return row.tfHide
      ? [
          [row.link, key],
          [row.tfHide, key],
        ]
      : [[row.link, key]];
  }),
  ...(Object.entries(PAGE_CONTROLS) as [PageControlId, { tf?: string }][]).flatMap(
    ([id, info]): [string, ControlId][] =>
      info.tf
        ? [
            [id, id],
            [info.tf, id],
          ]
        : [[id, id]],
  ),
]);

/** The key that hides `control` in links this page writes (its own spelling). */
export function hideKeyOf(control: ControlId): string {
  const key = (SETTING_KEYS as readonly string[]).includes(control)
    ? rowOf(control as SettingKey).link
    : control;
  return key + HIDE;
}

/** True for a link key that is a view flag (the settings codec skips these silently). */
export function isViewFlagKey(key: string): boolean {
  // lesson=<id or base64url JSON> opens a lesson (ui/lessons); a view flag for the codec.
  if (key === 'embed' || key === 'presentation' || key === 'lesson') return true;
  return key.endsWith(HIDE) && CONTROL_OF_HIDE_KEY.has(key.slice(0, -HIDE.length));
}

function isOn(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** The view flags in `hash` (with or without `#`); everything else in it is left alone. */
export function viewFlagsFromHash(hash: string): ViewFlags {
  let embed = false;
  let presentation = false;
  const hidden = new Set<ControlId>();
  for (const segment of (hash.startsWith('#') ? hash.slice(1) : hash).split('&')) {
    const [key = '', value] = segment.split('=', 2);
    if (!isViewFlagKey(key)) continue;
    if (key === 'embed') embed = isOn(value);
    else if (key === 'presentation') presentation = isOn(value);
    else if (isOn(value))
      hidden.add(CONTROL_OF_HIDE_KEY.get(key.slice(0, -HIDE.length)) as ControlId);
  }
  return { embed, presentation, hidden };
}

/** The flags as link fields in this page's own spelling (`embed=1&lr_hide=1`), or ''. */
export function viewFlagsToFields(flags: ViewFlags): string {
  const fields: string[] = [];
  if (flags.embed) fields.push('embed=1');
  if (flags.presentation) fields.push('presentation=1');
  for (const control of flags.hidden) fields.push(`${hideKeyOf(control)}=1`);
  return fields.join('&');
}

/** The view-flag fields of `hash` exactly as written there (TF spellings kept), or ''. */
export function viewFlagFieldsOf(hash: string): string {
  return (hash.startsWith('#') ? hash.slice(1) : hash)
    .split('&')
    .filter((segment) => isViewFlagKey(segment.split('=', 1)[0] ?? ''))
    .join('&');
}

/** `settingsHash` (from configToHash) with view-flag `fields` appended. */
export function withViewFields(settingsHash: string, fields: string): string {
  return fields ? `${settingsHash}&${fields}` : settingsHash;
}
