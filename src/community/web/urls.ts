import type { CommentSort } from '../model.ts';

/** Where the community's reader pages live. */
export const communityUrls = {
  guidelines: () => '/community/guidelines',
  join: (returnPath?: string) =>
    returnPath && returnPath !== '/'
      ? `/community/join?return=${encodeURIComponent(returnPath)}`
      : '/community/join',
  signIn: () => '/community/sign-in',
  signOut: () => '/community/sign-out',
  account: () => '/community/account',
  accountData: () => '/community/account/data.json',
  accountDelete: () => '/community/account/delete',
  discussion: (
    articleId: number,
    q: {
      sort?: CommentSort;
      page?: number;
      reply?: number;
      report?: number;
      edit?: number;
      posted?: number;
    } = {},
  ) => {
    const params = new URLSearchParams();
    if (q.sort && q.sort !== 'newest') params.set('sort', q.sort);
    if (q.page && q.page > 1) params.set('page', String(q.page));
    for (const key of ['reply', 'report', 'edit', 'posted'] as const) {
      if (q[key] !== undefined) params.set(key, String(q[key]));
    }
    const query = params.toString();
    return `/community/articles/${articleId}${query ? `?${query}` : ''}`;
  },
  post: (articleId: number) => `/community/articles/${articleId}/comments`,
  edit: (commentId: number) => `/community/comments/${commentId}/edit`,
  remove: (commentId: number) => `/community/comments/${commentId}/delete`,
  like: (commentId: number) => `/community/comments/${commentId}/like`,
  report: (commentId: number) => `/community/comments/${commentId}/report`,
};
