// The staff app kept on the device by its service worker (vite.config.ts), so that it opens and
// takes reports without a link. Installed once someone has signed in: on a first visit over a slow
// link, the sign-in page does not share the link with the whole app being fetched behind it.
import { registerSW } from "virtual:pwa-register";

let registered = false;
export function keepAppOnDevice() {
  if (registered || !("serviceWorker" in navigator)) return;
  registered = true;
  void registerSW({ immediate: true });
}
