/** Set by the build (esbuild `define`) from package.json; `dev` when running from compiled sources. */
declare const LYNC_PIC_VERSION: string | undefined;

export const VERSION: string = typeof LYNC_PIC_VERSION === 'string' ? LYNC_PIC_VERSION : 'dev';
