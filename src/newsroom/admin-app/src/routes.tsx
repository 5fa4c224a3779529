/**
 * The admin's screens. Each capability adds its screen here and its entry in `navigation`
 * (layout.tsx); the article editor is its own chunk, loaded when first opened.
 */
import { Navigate, type RouteObject } from 'react-router';
import { Layout, RequireSession } from './layout.tsx';
import { ArticleList } from './pages/article-list.tsx';
import { CommenterPage } from './pages/comments/commenter-page.tsx';
import { QueuePage } from './pages/comments/queue-page.tsx';
import { CommunitySettingsPage } from './pages/comments/settings-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LivePage } from './pages/live-page.tsx';
import { NewsletterEdition } from './pages/newsletter-edition.tsx';
import { NewsletterEditions } from './pages/newsletter-editions.tsx';
import { NewsletterSubscribers } from './pages/newsletter-subscribers.tsx';
import { NotFound } from './pages/not-found.tsx';
import { ForgotPassword, ResetPassword } from './pages/password-reset.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { TaxonomyPage } from './pages/taxonomy-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { WirePage } from './pages/wire-page.tsx';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignIn /> },
  { path: '/forgot-password', element: <ForgotPassword /> },
  { path: '/reset-password', element: <ResetPassword /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/articles" replace /> },
      { path: 'articles', element: <ArticleList /> },
      {
        path: 'articles/:id',
        lazy: async () => ({ Component: (await import('./editor/article-editor.tsx')).ArticleEditor }),
      },
      { path: 'home', element: <HomePage /> },
      { path: 'sections', element: <TaxonomyPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'comments', element: <Navigate to="/comments/pending" replace /> },
      { path: 'comments/settings', element: <CommunitySettingsPage /> },
      { path: 'comments/readers/:id', element: <CommenterPage /> },
      { path: 'comments/:queue', element: <QueuePage /> },
      { path: 'newsletter', element: <NewsletterEditions /> },
      { path: 'newsletter/editions/:id', element: <NewsletterEdition /> },
      { path: 'newsletter/subscribers', element: <NewsletterSubscribers /> },
      { path: 'wire', element: <WirePage /> },
      { path: 'live', element: <LivePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
