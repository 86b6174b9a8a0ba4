import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle: the loopback host and Electron's app:// protocol both serve dist/renderer.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
});
