import { createRoot } from "react-dom/client";
import { App, firstRoute } from "./app.tsx";
import "./styles.css";

// The first render waits for the route's chunks, already on their way: rendered before them, it
// would show a spinner, and React holds a Suspense boundary's content back until 300 ms after its
// fallback was shown (lib/lazy-component.tsx).
void firstRoute.then(() => createRoot(document.getElementById("root")!).render(<App />));
