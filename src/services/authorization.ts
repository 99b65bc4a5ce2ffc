// Until accounts exist, writing requires the administrator token from the environment
// (HYOKA_ADMIN_TOKEN). Without a configured token nobody may write.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ServiceError } from './errors.js';

export function authorizeAdmin(presented: string | undefined, configured: string | undefined): void {
  if (!configured) {
    throw new ServiceError(
      'forbidden',
      '取込みは無効です（HYOKA_ADMIN_TOKEN が未設定） / Import is disabled: HYOKA_ADMIN_TOKEN is not set',
    );
  }
  if (presented === undefined || !sameSecret(presented, configured)) {
    throw new ServiceError('unauthorized', '管理者トークンが正しくありません / Invalid or missing administrator token');
  }
}

/** Compares digests, so the comparison takes the same time whatever the lengths. */
export function sameSecret(presented: string, configured: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(configured));
}
