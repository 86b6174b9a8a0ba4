import { useEffect, useState } from 'react';

export type Route = 'kiosk' | 'console';

export function routeFromHash(hash: string): Route {
  return hash === '#/console' || hash.startsWith('#/console/') ? 'console' : 'kiosk';
}

/** Hash routing: the app is served from a file or a loopback host, so the path itself never changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
