// Read by both @sveltejs/vite-plugin-svelte and svelte-check.
// Our own components are always compiled in runes mode; third-party
// Svelte libraries (if any ever arrive) keep whatever mode they declare.
export default {
  compilerOptions: {
    // No `window.__svelte.v` tag: a few bytes off every overlay, and nothing to fingerprint.
    discloseVersion: false,
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
};
