/** Request bodies up to 64 MiB: a 10,000-project document is about 28 MiB. */
export const BODY_LIMIT = 64 * 1024 * 1024;
