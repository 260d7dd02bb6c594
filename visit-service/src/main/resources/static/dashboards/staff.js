// Sign-in for union staff on the dashboards' pages: authorization code with PKCE (RFC 7636, ADR 18).
// The page is a public client: the code is bound to a one-time verifier kept in this tab. The
// token stays in this tab only (sessionStorage), shared by the pages of this origin the tab opens,
// and is dropped when it expires. Where to sign in comes from visit-service
// (GET /dashboards/sign-in), so that production points it at the city's provider.
const Staff = (() => {
  const TOKEN = 'yizhan.token', PENDING = 'yizhan.sign-in';
  const ROLES = {CITY_ADMIN: '市总工会', DISTRICT_ADMIN: '区县工会', REGIONAL_HEAD: '区域站长', STATION_MANAGER: '站点管理员',
    DISTRICT_SYSTEM: '区县系统', OPS: '运维'};
  let config = null;
  const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const pageUri = () => location.origin + location.pathname;

  function claimsOf(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))));
    } catch (err) {
      return null;
    }
  }

  /** The signed-in caller ({token, claims, roles}), or null; a token about to expire counts as none. */
  function current() {
    const token = sessionStorage.getItem(TOKEN), claims = token && claimsOf(token);
    if (!claims || claims.exp * 1000 < Date.now() + 60000) {
      sessionStorage.removeItem(TOKEN);
      return null;
    }
    return {token, claims, roles: claims.roles || []};
  }

  /** Asks where to sign in; answers whether signing in is possible now. */
  async function configure() {
    try {
      const r = await fetch('/dashboards/sign-in');
      config = r.ok ? await r.json() : null;
    } catch (err) {
      config = null;
    }
    return config !== null;
  }

  async function start() {
    const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, view: location.search}));
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    location.assign(config.authorizationUri + '?' + new URLSearchParams({response_type: 'code', client_id: config.clientId,
      redirect_uri: pageUri(), state, code_challenge: challenge, code_challenge_method: 'S256'}));
  }

  /**
   * Back from the sign-in page with ?code=…&state=… (or ?error=…): trades the code for a token and
   * puts back the view the page had before. Answers false when the address is not such a return.
   */
  async function finish() {
    const back = new URLSearchParams(location.search);
    if (!back.has('code') && !back.has('error')) return false;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', pageUri() + (pending ? pending.view : ''));
    if (back.get('error')) throw new Error(back.get('error_description') || back.get('error'));
    if (!pending || pending.state !== back.get('state')) throw new Error('登录请求已失效');
    const r = await fetch(config.tokenUri, {method: 'POST', body: new URLSearchParams({grant_type: 'authorization_code',
      code: back.get('code'), redirect_uri: pageUri(), client_id: config.clientId, code_verifier: pending.verifier})});
    const body = await r.json();
    if (!r.ok) throw new Error(body.error_description || body.error || r.status);
    sessionStorage.setItem(TOKEN, body.access_token);
    return true;
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN);
  }

  /** "市总工会 演示用户 · 区县工会（碑林区）" */
  function describe(me) {
    return (me.claims.name || me.claims.sub) + ' · ' + me.roles.map(r => ROLES[r] || r).join('、')
      + (me.claims.district ? '（' + me.claims.district + '）' : '');
  }

  /**
   * The header's button: signed out, it starts signing in ({@code title} says what for; disabled
   * with the reason when there is nowhere to sign in); signed in, it signs out, then calls
   * {@code signedOut}. A failure to start is handed to {@code failed} as a sentence.
   */
  function button(canSignIn, {title, signedOut, failed}) {
    const b = document.createElement('button');
    b.type = 'button';
    if (current()) {
      b.textContent = '退出';
      b.onclick = () => { signOut(); signedOut(); };
    } else {
      b.textContent = '工作人员登录';
      b.disabled = !canSignIn;
      b.title = canSignIn ? title : '暂时无法登录：未取得登录配置';
      b.onclick = () => start().catch(err => failed('无法登录：' + err.message));
    }
    return b;
  }

  // The staff's pages, for the header of each: the figures for anyone signed in, the rest for
  // those who run stations and the unions above them.
  /** The three tiers of responsibility (三级负责制), as notices and escalations name them. */
  const TIERS = Object.freeze({STATION_MANAGER: '站点管理员', REGIONAL_HEAD: '区域站长', DISTRICT_CHIEF: '总站长'});

  const RUN_STATIONS = ['STATION_MANAGER', 'REGIONAL_HEAD', 'DISTRICT_ADMIN', 'CITY_ADMIN'];
  const PAGES = [['/dashboards/utilization.html', '使用情况看板', null],
    ['/dashboards/register.html', '到访登记', RUN_STATIONS], ['/dashboards/upkeep.html', '站点维护', RUN_STATIONS],
    ['/dashboards/notices.html', '我的通知', RUN_STATIONS]];

  /**
   * A staff page's start: its sign-in button wired, the return from signing in taken, the page shown
   * as the caller now is ({@code show(canSignIn)}), and in {@code hint} what went wrong signing in.
   */
  async function open({show, signIn, hint}) {
    signIn.addEventListener('click', () => start().catch(err => { hint.textContent = '无法登录：' + err.message; }));
    const canSignIn = await configure();
    let failed = null;
    await finish().catch(err => { failed = err; });
    await show(canSignIn);
    if (failed) hint.textContent = '登录未完成：' + failed.message + '。请重新点击“工作人员登录”。';
  }

  /**
   * JSON from the platform as the signed-in caller. A refusal fails with the problem detail's words
   * and its fields', the status kept on the error; a network failure stays a TypeError.
   */
  async function call(url, options = {}) {
    const me = current();
    if (!me) throw Object.assign(new Error('登录已过期，请重新登录'), {status: 401});
    const r = await fetch(url, {...options, headers: {...(options.headers || {}), Authorization: 'Bearer ' + me.token}});
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const fields = (body.errors || []).map(e => e.message).join('；');
      throw Object.assign(new Error((body.detail || body.title || r.status) + (fields ? '（' + fields + '）' : '')),
        {status: r.status});
    }
    return body;
  }

  /** Links to the other staff pages this caller may use, for the header. */
  function links(me) {
    return PAGES.filter(([href, , roles]) => href !== location.pathname && (!roles || me.roles.some(r => roles.includes(r))))
      .map(([href, text]) => {
        const link = Object.assign(document.createElement('a'), {href, textContent: text});
        if (href.endsWith('/notices.html')) countNew(link);
        return link;
      });
  }

  /**
   * Notices up to the newest one shown are no longer new, on every device the caller signs in on:
   * the server keeps the mark. Sent with keepalive, so a click away from the page does not cancel it.
   */
  function markNoticesSeen(newest) {
    if (!newest) return;
    call('/api/notifications/inbox/seen', {method: 'PUT', keepalive: true, headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({upTo: newest})}).catch(() => {});
  }

  /** "我的通知（3 条新）": notices newer than the newest the caller was shown (all, before their first look). */
  async function countNew(link) {
    try {
      const {unseen, more} = await call('/api/notifications/inbox/unseen');
      if (unseen > 0) link.textContent += `（${unseen}${more ? '+' : ''} 条新）`;
    } catch (err) {
      // The count is a hint: the page works without it.
    }
  }

  /**
   * The station a page acts on: a manager or regional head picks among their own, named as the
   * utilization figures name them; a union types its number, which a link may bring (?station=).
   */
  async function pickStation(me, {select, numberBox, number}) {
    const own = Array.isArray(me.claims.stations) ? me.claims.stations : [];
    select.parentElement.hidden = own.length === 0;
    numberBox.hidden = own.length > 0;
    const linked = new URLSearchParams(location.search).get('station');
    if (linked && own.length === 0) number.value = linked;
    select.replaceChildren(...own.map(id => new Option(id, id, false, id === linked)));
    await Promise.all(own.map(async (id, i) => {
      const r = await fetch('/api/utilization/stations/' + encodeURIComponent(id)).catch(() => null);
      if (r && r.ok) {
        const s = await r.json();
        select.options[i].textContent = s.name + '（' + s.district + '）';
      }
    }));
  }

  /** The station picked on a page {@link pickStation} set up: among the caller's own, or the number typed. */
  function pickedStation({select, numberBox, number}) {
    return numberBox.hidden ? select.value : number.value.trim();
  }

  return {configure, current, start, finish, signOut, describe, button, open, call, links, markNoticesSeen, pickStation,
    pickedStation,
    TIERS};
})();
