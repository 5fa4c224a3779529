import createError from '@fastify/error';

/**
 * The community's stable error codes. Reader pages show the message (a person can act on it);
 * the admin API answers `{error, message}`. Tests assert the code.
 */
export const CommunityError = {
  EmailInvalid: createError<[string]>('COMMUNITY_EMAIL_INVALID', '%s', 422),
  LinkInvalid: createError<[string]>('COMMUNITY_LINK_INVALID', '%s', 400),
  RateLimited: createError<[string]>('COMMUNITY_RATE_LIMITED', '%s', 429),
  CsrfInvalid: createError<[string]>('COMMUNITY_CSRF_INVALID', '%s', 403),
  SignInRequired: createError<[string]>('COMMUNITY_SIGN_IN_REQUIRED', '%s', 401),
  ProfileIncomplete: createError<[string]>('COMMUNITY_PROFILE_INCOMPLETE', '%s', 403),
  ProfileInvalid: createError<[string]>('COMMUNITY_PROFILE_INVALID', '%s', 422),
  CommentEmpty: createError<[string]>('COMMENT_EMPTY', '%s', 422),
  CommentTooLong: createError<[string]>('COMMENT_TOO_LONG', '%s', 422),
  CommentInvalid: createError<[string]>('COMMENT_INVALID', '%s', 422),
  CommentDuplicate: createError<[string]>('COMMENT_DUPLICATE', '%s', 409),
  CommentsClosed: createError<[string]>('COMMENTS_CLOSED', '%s', 403),
  AccountSuspended: createError<[string]>('COMMUNITY_ACCOUNT_SUSPENDED', '%s', 403),
  AccountBanned: createError<[string]>('COMMUNITY_ACCOUNT_BANNED', '%s', 403),
  ArticleNotFound: createError<[string]>('COMMENT_ARTICLE_NOT_FOUND', '%s', 404),
  CommentNotFound: createError<[string]>('COMMENT_NOT_FOUND', '%s', 404),
  ParentGone: createError<[string]>('COMMENT_PARENT_GONE', '%s', 409),
  NotYours: createError<[string]>('COMMENT_NOT_YOURS', '%s', 403),
  EditWindowPassed: createError<[string]>('COMMENT_EDIT_WINDOW_PASSED', '%s', 409),
  ReportInvalid: createError<[string]>('COMMENT_REPORT_INVALID', '%s', 422),
  SettingsInvalid: createError<[string]>('COMMUNITY_SETTINGS_INVALID', '%s', 422),
  ModerationRefused: createError<[string]>('COMMENT_MODERATION_REFUSED', '%s', 409),
  ReaderNotFound: createError<[string]>('COMMUNITY_READER_NOT_FOUND', '%s', 404),
};

/** The codes above, for error handlers that must tell ours from anything else. */
export const communityErrorCodes: ReadonlySet<string> = new Set(
  Object.values(CommunityError).map((E) => new E('').code),
);
