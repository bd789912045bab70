import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server (packages/server) serves dist/ at "/" and the API at /api/v1.
// `npm run dev -w @jixiao/web` proxies the API to a server on :3000.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
