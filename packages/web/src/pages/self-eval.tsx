// Moved to pages/self-eval/page.tsx (issue 17); this re-export goes once app.tsx points there.
export { default } from "./self-eval/page.tsx";
