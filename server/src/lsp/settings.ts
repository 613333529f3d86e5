import type { Connection } from 'vscode-languageserver';
import { type RuleSetting, LINT_TARGETS, type TargetVersion } from '../engine';

export interface Settings {
  readonly enable: boolean;
  readonly targetVersion: TargetVersion;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Lint as you type, or only when a document is opened or saved. */
  readonly run: 'onType' | 'onSave';
  /** Documents larger than this (in KB of UTF-8) are not linted; the server says so with one diagnostic. */
  readonly maxFileSizeKB: number;
  /**
   * Whether to show syntax errors: `auto` leaves them to the PowerShell extension when it is installed and enabled
   * (it shows PowerShell's own), `always` and `never` decide it.
   */
  readonly syntaxErrors: 'auto' | 'always' | 'never';
}

/** See docs/performance.md for why 2 MB: about 50,000 lines, which a first lint reads in about a second. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  targetVersion: 'any',
  rules: {},
  run: 'onType',
  maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB,
  syntaxErrors: 'auto',
};

const TARGETS: readonly string[] = LINT_TARGETS;
const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info', 'hint'];

/** Keeps what is valid of what the client sent; anything else falls back to the default. */
export function sanitize(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const rules: Record<string, RuleSetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof setting === 'string' && RULE_SETTINGS.includes(setting)) rules[id] = setting as RuleSetting;
    }
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    targetVersion:
      typeof value.targetVersion === 'string' && TARGETS.includes(value.targetVersion)
        ? (value.targetVersion as TargetVersion)
        : DEFAULT_SETTINGS.targetVersion,
    rules,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    maxFileSizeKB: sizeSetting(value.maxFileSizeKB),
    syntaxErrors: value.syntaxErrors === 'always' || value.syntaxErrors === 'never' ? value.syntaxErrors : 'auto',
  };
}

/** The rule settings to lint with: `syntax-error` off where the syntax errors are left to the PowerShell extension. */
export function effectiveRules(settings: Settings, powerShellExtensionActive: boolean): Readonly<Record<string, RuleSetting>> {
  const shown = settings.syntaxErrors === 'always' || (settings.syntaxErrors === 'auto' && !powerShellExtensionActive);
  return shown ? settings.rules : { ...settings.rules, 'syntax-error': 'off' };
}

/** A positive number of KB (a fraction is rounded up; at most 1 GB); anything else is the default. */
function sizeSetting(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_MAX_FILE_SIZE_KB;
  return Math.min(Math.ceil(value), 1024 * 1024);
}

/** Per-document settings pulled from the client (when it supports workspace/configuration), cached until they change. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'lyncPic' }).then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
