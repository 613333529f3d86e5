import type { Connection } from 'vscode-languageserver';
import { SERVER_VERSIONS, type TargetVersion } from '../engine/catalog/types';
import type { RuleSetting } from '../engine/lint';

export interface Settings {
  readonly enable: boolean;
  readonly targetVersion: TargetVersion;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Lint as you type, or only when a document is opened or saved. */
  readonly run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: Settings = { enable: true, targetVersion: 'any', rules: {}, run: 'onType' };

const TARGETS: readonly string[] = ['any', ...SERVER_VERSIONS];
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
    targetVersion: typeof value.targetVersion === 'string' && TARGETS.includes(value.targetVersion) ? (value.targetVersion as TargetVersion) : DEFAULT_SETTINGS.targetVersion,
    rules,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
  };
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
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'lyncPic' })
        .then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}
