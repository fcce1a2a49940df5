/** Hash routes, so the controller stays one page that works from a file-less static server. */

export type Route =
  | { name: 'plan'; sheetId: string | null }
  | { name: 'live' }
  | { name: 'report'; showId: string | null }
  | { name: 'setup' }
  | { name: 'integrations' }
  | { name: 'host' };

export function parseRoute(hash: string): Route {
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, arg] = path.split('/');
  const id = arg ? decodeId(arg) : null;
  switch (head) {
    case 'plan':
      return { name: 'plan', sheetId: id };
    case 'report':
      return { name: 'report', showId: id };
    case 'setup':
      return { name: 'setup' };
    case 'integrations':
      return { name: 'integrations' };
    case 'host':
      return { name: 'host' };
    default:
      return { name: 'live' };
  }
}

/** A mistyped or hostile `#/plan/%E0%A4` must not throw (a blank controller): kept as typed. */
function decodeId(arg: string): string {
  try {
    return decodeURIComponent(arg);
  } catch {
    return arg;
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'plan':
      return route.sheetId ? `#/plan/${encodeURIComponent(route.sheetId)}` : '#/plan';
    case 'report':
      return route.showId ? `#/report/${encodeURIComponent(route.showId)}` : '#/report';
    default:
      return `#/${route.name}`;
  }
}

export class Router {
  route = $state<Route>(parseRoute(location.hash));
  #onHash = () => (this.route = parseRoute(location.hash));

  start() {
    addEventListener('hashchange', this.#onHash);
    return () => removeEventListener('hashchange', this.#onHash);
  }

  go(route: Route) {
    location.hash = href(route);
  }
}
