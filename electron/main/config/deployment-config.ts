import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from './data-dir';

/**
 * `crm.config.json`, written by IT: where the database lives and where updates
 * come from. Looked for at $CRM_CONFIG, else in the data folder.
 */
export const DeploymentConfig = z
  .object({
    database: z
      .object({
        type: z.literal('sqlite').default('sqlite'),
        /** Relative paths are relative to the config file. */
        path: z.string().min(1).optional(),
      })
      .strict()
      .default({ type: 'sqlite' }),
    updates: z
      .object({ url: z.url({ protocol: /^https?$/ }), channel: z.string().regex(/^[a-z]+$/).default('latest') })
      .strict()
      .optional(),
  })
  .strict();
export type DeploymentConfig = z.infer<typeof DeploymentConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ResolvedConfig {
  config: DeploymentConfig;
  configPath: string | null;
  dataDir: string;
  databasePath: string;
}

export function loadDeploymentConfig(env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const dataDir = defaultDataDir(env);
  const candidate = env.CRM_CONFIG ?? join(dataDir, 'crm.config.json');
  let config: DeploymentConfig = DeploymentConfig.parse({});
  let configPath: string | null = null;
  if (existsSync(candidate)) {
    configPath = resolve(candidate);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${configPath} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = DeploymentConfig.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
      throw new ConfigError(`${configPath} has settings this version does not accept: ${detail}`);
    }
    config = parsed.data;
  } else if (env.CRM_CONFIG) {
    throw new ConfigError(`CRM_CONFIG points at ${candidate}, which does not exist.`);
  }
  const dbPath = config.database.path;
  const databasePath = dbPath ? (isAbsolute(dbPath) ? dbPath : resolve(dirname(configPath!), dbPath)) : join(dataDir, 'crm.sqlite');
  return { config, configPath, dataDir, databasePath };
}

/** SQLite over SMB/NFS corrupts with several writers; offices with a share use PostgreSQL. */
export function looksLikeNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)[^\\/]+[\\/]/.test(path) || /^\/(Volumes|net|mnt\/smb|run\/user\/\d+\/gvfs)\//.test(path);
}
