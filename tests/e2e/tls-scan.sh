#!/usr/bin/env bash
# Scans the live listener with sslscan: TLS 1.0 and 1.1 (and SSLv2/3) refused, TLS 1.2 and 1.3 offered, and
# every accepted cipher suite forward-secret (ECDHE, or TLS 1.3) and AEAD (GCM or ChaCha20-Poly1305).
# Usage: tls-scan.sh PATH/TO/gatehoused
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
command -v sslscan >/dev/null || die "sslscan is not installed (installer/install-deps.sh installs it)"
start_server "$1"
sslscan --no-colour --no-heartbleed "$HOSTPORT" >"$WORK/scan" 2>&1 || die "sslscan failed: $(cat "$WORK/scan")"
sed 's/^/  /' "$WORK/scan" | sed -n '/SSL\/TLS Protocols/,/Server Key Exchange/p'
for p in SSLv2 SSLv3 TLSv1.0 TLSv1.1; do
    grep -Eq "^$p +disabled" "$WORK/scan" || die "$p is not disabled"
done
for p in TLSv1.2 TLSv1.3; do
    grep -Eq "^$p +enabled" "$WORK/scan" || die "$p is not enabled"
done
accepted="$(grep -E '^(Preferred|Accepted) ' "$WORK/scan")" || die "no accepted cipher suites"
while read -r line; do
    suite="$(awk '{print $5}' <<<"$line")"
    proto="$(awk '{print $2}' <<<"$line")"
    if [[ "$proto" != "TLSv1.3" && "$suite" != ECDHE-* ]]; then die "not forward-secret: $line"; fi
    if [[ "$suite" != *GCM* && "$suite" != *CHACHA20* ]]; then die "not AEAD: $line"; fi
done <<<"$accepted"
echo "accepted suites: $(wc -l <<<"$accepted"), all forward-secret AEAD"
groups="$(sed -n '/Server Key Exchange Group/,/^$/p' "$WORK/scan" | awk '$1 == "TLSv1.3" {print $4}' | sort | tr '\n' ' ')"
[[ "$groups" == "secp256r1 secp384r1 x25519 " ]] || die "TLS 1.3 key exchange groups are not X25519, P-256, P-384: $groups"
stop_server
echo "TLS scan: ok"
