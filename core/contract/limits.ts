/**
 * The limits both sides apply: the pages check them before sending, the server's schemas enforce them.
 * No imports: the mini-program bundles this file as it is.
 */

/** photos (or files) one request, supplement or progress note carries */
export const MAX_PHOTOS = 3;
/** the longest description of a request, in characters */
export const MAX_DESCRIPTION = 1000;
/** the fewest characters a description needs to say something */
export const MIN_DESCRIPTION = 5;
export const MAX_CONTACTS_PER_ENTERPRISE = 5;

/** a mainland mobile (11 digits) or a landline with its area code (区号-座机号) */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const PHONE_MESSAGE = '联系电话格式不正确（手机号11位，或区号-座机号）';
export const isPhone = (s: string) => PHONE_PATTERN.test(s.trim());

/** the open requests an officer or liaison carries at most unless the admin sets another (在办上限) */
export const DEFAULT_CAPACITY = 10;

/** the farthest date an extension may ask for, in calendar days from today (Beijing) */
export const MAX_EXTENSION_DAYS = 60;

/** attachments (photos and files) one progress note, result, supplement or card reply carries */
export const MAX_ATTACHMENTS = 9;
/** the largest photo and the largest file (pdf, Word, Excel) an upload may be, in bytes */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** the longest file name kept for display, in characters */
export const MAX_FILE_NAME = 80;
