// The rate limit's notion of "one client" (nginx njs, loaded by nginx.conf.template): the OAuth client its
// bearer token names (azp, else sub), so callers behind one address (a municipality's NAT, an Ingress) each
// get their own budget. The gateway does not verify the token (the service does), so nginx.conf pairs this key
// with the caller's address: a forged token can spend only its sender's budget, never another client's.
// Without a readable bearer token the key is empty and the limit is per address, as for anonymous callers.

var BEARER = /^Bearer +[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;
var SAFE = /^[A-Za-z0-9@._:-]{1,128}$/;

function identity(r) {
    var match = BEARER.exec(r.headersIn.Authorization || '');
    if (!match) {
        return '';
    }
    try {
        var claims = JSON.parse(Buffer.from(match[1], 'base64url').toString());
        var id = typeof claims.azp === 'string' ? 'azp:' + claims.azp
            : typeof claims.sub === 'string' ? 'sub:' + claims.sub : '';
        return SAFE.test(id) ? id : '';
    } catch (e) {
        return '';
    }
}

export default {identity};
