#pragma once

#include "core/Result.h"

#include <QSslConfiguration>

#include <openssl/types.h>

#include <memory>

namespace gatehouse::api {

// One OpenSSL server context for the HTTPS API, built once per certificate load and shared by every connection
// accepted while it is current. A reload builds a new one; connections opened under the old one hold it (shared
// ownership) until they close. Built from the QSslConfiguration that TlsPolicy writes, with the meaning Qt gives
// those settings (versions, suites, groups, options, chain, key, client-CA verification), so the policy stays in
// one place. Read-only once built, so worker threads may create connections from it concurrently.
class TlsContext
{
public:
    static Result<std::shared_ptr<const TlsContext>> build(const QSslConfiguration& configuration);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    // A new server-side connection state (SSL_new), nullptr if OpenSSL is out of memory. The caller frees it.
    SSL* newConnection() const;
    // The SHA-256 digest, fetched once for the peer-certificate fingerprints.
    const EVP_MD* sha256() const { return m_sha256; }
    // Whether a peer certificate is asked for and verified against the client CAs (mutual TLS).
    bool verifiesPeer() const { return m_verifiesPeer; }

    // How many contexts this process has built: a figure for tests and diagnostics.
    static qint64 builtCount();

private:
    TlsContext(SSL_CTX* context, EVP_MD* sha256, bool verifiesPeer);

    SSL_CTX* m_context;
    EVP_MD* m_sha256;
    bool m_verifiesPeer;
};

} // namespace gatehouse::api
