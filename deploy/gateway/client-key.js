// The rate limit's notion of "one client" (nginx njs, loaded by nginx.conf.template): the OAuth client its
// bearer token names (azp, else sub), so callers behind one address (a municipality's NAT, an Ingress) each
// get their own budget. The gateway does not verify the token (the service does), so nginx.conf pairs this key
// with the caller's address: a forged token can spend only its sender's budget, never another client's.
// Without a readable bearer token the key is empty and the limit is per address, as for anonymous callers.

var SAFE = /^[A-Za-z0-9@._:-]{1,128}$/;
var PAYLOAD = /^[A-Za-z0-9_-]+$/;

// The token's payload (its second dot-separated part) found with indexOf: a regular expression over the whole header
// scanned the signature too and was a quarter of nginx's CPU samples under load (bench/gateway-cost.py).
function payload(header) {
    if (header.length > 8192 || header.slice(0, 7) !== 'Bearer ') {
        return null;
    }
    var start = 7;
    while (header.charAt(start) === ' ') {
        start++;
    }
    var first = header.indexOf('.', start);
    var second = first < 0 ? -1 : header.indexOf('.', first + 1);
    if (first <= start || second < 0 || header.indexOf('.', second + 1) >= 0) {
        return null;
    }
    var part = header.slice(first + 1, second);
    return PAYLOAD.test(part) ? part : null;
}

function identity(r) {
    var part = payload(r.headersIn.Authorization || '');
    if (!part) {
        return '';
    }
    try {
        var claims = JSON.parse(Buffer.from(part, 'base64url').toString());
        var id = typeof claims.azp === 'string' ? 'azp:' + claims.azp
            : typeof claims.sub === 'string' ? 'sub:' + claims.sub : '';
        return SAFE.test(id) ? id : '';
    } catch (e) {
        return '';
    }
}

export default {identity};
