/** Site-internal URLs with the deployment base path (hand-written links do not get it from Astro). */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export const withBase = (path: string) => `${base}${path.replace(/^\//, '')}`;
export const claimUrl = (id: string) => withBase(`claims/${id}/`);
export const pageUrl = (slug: string) => withBase(slug ? `${slug}/` : '');
