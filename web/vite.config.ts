// Settings → Developer: a static page. Built into web/dist; the local stack serves it at
// /settings/developer/ (the default base). For a static host at another path: `--base /other/`.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  root: import.meta.dirname,
  base: "/settings/developer/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
});
