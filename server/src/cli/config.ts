import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES, type RuleSetting, LINT_TARGETS, type TargetVersion } from '../engine';

export const CONFIG_FILE = '.lync-pic.json';

/** A project's `.lync-pic.json`: the target version and rule severities, as in the editor settings. */
export interface ProjectConfig {
  readonly path: string;
  readonly target?: TargetVersion;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Glob patterns, relative to the config file's folder, of scripts to leave out. */
  readonly ignorePatterns: readonly string[];
}

const TARGETS: readonly string[] = LINT_TARGETS;
const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info', 'hint'];
const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

export class ConfigError extends Error {}

/** Reads and checks a config file; every mistake is reported with the file's path. */
export function readConfig(path: string): ProjectConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  const { target, rules = {}, ignorePatterns = [] } = raw as { target?: unknown; rules?: unknown; ignorePatterns?: unknown };
  if (!Array.isArray(ignorePatterns) || ignorePatterns.some((p) => typeof p !== 'string'))
    throw new ConfigError(`${path}: "ignorePatterns" must be a list of glob strings`);
  if (target !== undefined && (typeof target !== 'string' || !TARGETS.includes(target))) {
    throw new ConfigError(`${path}: "target" must be one of ${TARGETS.join(', ')}`);
  }
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw new ConfigError(`${path}: "rules" must be an object`);
  const checked: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (!RULE_IDS.has(id)) throw new ConfigError(`${path}: unknown rule "${id}"`);
    if (typeof setting !== 'string' || !SETTINGS.includes(setting)) throw new ConfigError(`${path}: rule "${id}" must be one of ${SETTINGS.join(', ')}`);
    checked[id] = setting as RuleSetting;
  }
  return { path, target: target as TargetVersion | undefined, rules: checked, ignorePatterns: ignorePatterns as string[] };
}

/**
 * Finds the nearest `.lync-pic.json` in the folder of a file or above it, once per folder. An invalid one is read
 * once too: the same ConfigError is thrown for every script under it, so that it can be reported once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, ProjectConfig | ConfigError | undefined>();

  forFile(file: string): ProjectConfig | undefined {
    return this.forFolder(dirname(resolve(file)));
  }

  forFolder(folder: string): ProjectConfig | undefined {
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, this.find(folder));
    const found = this.byFolder.get(folder);
    if (found instanceof ConfigError) throw found;
    return found;
  }

  private find(folder: string): ProjectConfig | ConfigError | undefined {
    const candidate = join(folder, CONFIG_FILE);
    const parent = dirname(folder);
    try {
      return existsSync(candidate) ? readConfig(candidate) : parent === folder ? undefined : this.forFolder(parent);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
  }
}
