/** Connections to the Redis a distributed run shares: from a redis:// URL, for BullMQ and for our own commands. */
import { Redis, type RedisOptions } from 'ioredis';

/** The queue every coordinator and worker uses; jobs carry their run, so one queue serves any number of runs. */
export const QUEUE_NAME = 'corpus';

/** Host, port, credentials and database of `redis://[user:password@]host[:port][/db]` (rediss:// adds TLS). */
export function redisOptions(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue must be a redis:// URL, got "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--queue must be a redis:// URL, got "${url}"`);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** What BullMQ needs: no per-request retry limit (its blocking commands wait indefinitely). */
export const bullConnection = (url: string): RedisOptions => ({ ...redisOptions(url), maxRetriesPerRequest: null });

/** Connection attempts before a run gives up on an unreachable Redis. */
const CONNECT_ATTEMPTS = 5;

/** A client for band buckets and markers; fails (rather than hangs) when Redis cannot be reached. */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    retryStrategy: (times) => (times > CONNECT_ATTEMPTS ? null : Math.min(1000, 100 * times)),
  });
  redis.on('error', () => undefined); // reported by the failing command instead
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${url}: ${(err as Error).message}`);
  }
  return redis;
}
