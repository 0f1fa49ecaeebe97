#include "TlsCertificate.h"

#include "core/Files.h"
#include "core/SecureBytes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QScopeGuard>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::api {

namespace {

constexpr qint64 kMaxCertificateBytes = 1024 * 1024;
constexpr off_t kMaxKeyBytes = 64 * 1024;
constexpr qint64 kValidityDays = 397; // the longest lifetime browsers accept for a server certificate
constexpr qint64 kBackdateSeconds = 3600;

template <auto Free> struct Deleter
{
    template <typename T> void operator()(T* p) const { Free(p); }
};
template <typename T, auto Free> using Owned = std::unique_ptr<T, Deleter<Free>>;
using Key = Owned<EVP_PKEY, EVP_PKEY_free>;
using X509Cert = Owned<X509, X509_free>;
using Bio = Owned<BIO, BIO_free_all>;
using Bignum = Owned<BIGNUM, BN_free>;
using Extension = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using GeneralNames = Owned<GENERAL_NAMES, GENERAL_NAMES_free>;

// OpenSSL keeps failures in a per-thread queue that Qt's TLS code reads later; leave it empty on every exit.
struct OpenSslErrorScope
{
    ~OpenSslErrorScope() { ERR_clear_error(); }
};

QString openSslReason()
{
    const char* reason = ERR_reason_error_string(ERR_peek_last_error());
    return reason ? QString::fromLatin1(reason) : QStringLiteral("unknown error");
}

Error cryptoFailure(const char* what)
{
    return makeError(ErrorCode::Crypto,
                     QStringLiteral("%1 failed in OpenSSL (%2)").arg(QLatin1String(what), openSslReason()));
}

// One subjectAltName entry: a DNS name (lower case) or the 4 or 16 bytes of an IP address.
struct AltName
{
    bool isIp = false;
    QByteArray value;
    bool operator==(const AltName&) const = default;
};

Error badName(const QString& name, const QString& why)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("cannot put \"%1\" in the API certificate: %2; give a DNS name such as "
                                    "api.example.internal or an IP address such as 192.0.2.10")
                         .arg(name, why));
}

Result<AltName> parseName(const QString& name)
{
    if (name.isEmpty())
        return badName(name, QStringLiteral("the name is empty"));
    for (const QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                             c == u'.' || c == u'-' || c == u':';
        if (!allowed)
            return badName(name, QStringLiteral("it holds '%1', which no host name or IP address contains (write "
                                                "international names in their xn-- form)")
                                     .arg(c));
    }
    const QByteArray ascii = name.toLatin1();
    unsigned char address[16];
    if (::inet_pton(AF_INET, ascii.constData(), address) == 1)
        return AltName{true, QByteArray(reinterpret_cast<const char*>(address), 4)};
    if (::inet_pton(AF_INET6, ascii.constData(), address) == 1)
        return AltName{true, QByteArray(reinterpret_cast<const char*>(address), 16)};
    if (name.contains(u':'))
        return badName(name, QStringLiteral("it is not a valid IPv6 address"));

    if (ascii.size() > 253)
        return badName(name, QStringLiteral("a DNS name has at most 253 characters"));
    const QList<QByteArray> labels = ascii.split('.');
    for (const QByteArray& label : labels) {
        if (label.isEmpty())
            return badName(name, QStringLiteral("it has an empty label (two dots in a row, or a dot at an end)"));
        if (label.size() > 63)
            return badName(name, QStringLiteral("a DNS label has at most 63 characters"));
        if (label.startsWith('-') || label.endsWith('-'))
            return badName(name, QStringLiteral("a DNS label cannot begin or end with a hyphen"));
    }
    const QByteArray& last = labels.last();
    if (std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return badName(name, QStringLiteral("it looks like an IPv4 address but is not a valid one"));
    return AltName{false, ascii.toLower()};
}

Result<QList<AltName>> altNames(const QStringList& extraNames)
{
    QList<AltName> names{
        {false, QByteArrayLiteral("localhost")},
        {true, QByteArray("\x7f\x00\x00\x01", 4)},
        {true, QByteArray(15, '\0') + '\x01'},
    };
    for (const QString& extra : extraNames) {
        auto parsed = parseName(extra);
        if (!parsed)
            return parsed.error();
        if (!names.contains(parsed.value()))
            names.append(std::move(parsed).value());
    }
    return names;
}

bool addExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value)
{
    Extension ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool addAltNames(X509* cert, const QList<AltName>& names)
{
    GeneralNames list(sk_GENERAL_NAME_new_null());
    if (!list)
        return false;
    for (const AltName& name : names) {
        ASN1_STRING* value = name.isIp ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
        GENERAL_NAME* entry = GENERAL_NAME_new();
        const bool filled =
            value && entry && ASN1_STRING_set(value, name.value.constData(), static_cast<int>(name.value.size())) == 1;
        if (!filled) {
            ASN1_STRING_free(value);
            GENERAL_NAME_free(entry);
            return false;
        }
        GENERAL_NAME_set0_value(entry, name.isIp ? GEN_IPADD : GEN_DNS, value);
        if (sk_GENERAL_NAME_push(list.get(), entry) <= 0) {
            GENERAL_NAME_free(entry);
            return false;
        }
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, list.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

Result<X509Cert> selfSignedCertificate(EVP_PKEY* key, const QList<AltName>& names, qint64 nowSeconds)
{
    X509Cert cert(X509_new());
    Bignum serial(BN_new());
    if (!cert || !serial || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
        BN_rand(serial.get(), 128, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return cryptoFailure("choosing the certificate's serial number");

    const time_t notBefore = static_cast<time_t>(nowSeconds - kBackdateSeconds);
    const time_t notAfter = static_cast<time_t>(nowSeconds + kValidityDays * 24 * 3600);
    if (!ASN1_TIME_set(X509_getm_notBefore(cert.get()), notBefore) ||
        !ASN1_TIME_set(X509_getm_notAfter(cert.get()), notAfter))
        return cryptoFailure("setting the certificate's validity");

    X509_NAME* subject = X509_get_subject_name(cert.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>("Gatehouse local API"), -1, -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(), subject) != 1 || X509_set_pubkey(cert.get(), key) != 1)
        return cryptoFailure("setting the certificate's names");

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    if (!addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), &ctx, NID_ext_key_usage, "serverAuth") ||
        !addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash") || !addAltNames(cert.get(), names))
        return cryptoFailure("adding the certificate's extensions");

    if (X509_sign(cert.get(), key, EVP_sha256()) <= 0)
        return cryptoFailure("signing the certificate");
    return cert;
}

// PEM text of the key in a memory BIO that scrubs what it frees, copied into a scrubbed buffer.
Result<SecureBytes> privateKeyPem(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return cryptoFailure("encoding the TLS key");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return SecureBytes(reinterpret_cast<const unsigned char*>(data), static_cast<std::size_t>(size));
}

Result<QByteArray> certificatePem(X509* cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return cryptoFailure("encoding the TLS certificate");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QString modeText(mode_t mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

// The tls directory: created 0700, or refused when it already exists with access for group or others.
Result<void> preparePrivateDirectory(const QString& dir)
{
    if (auto made = files::ensurePrivateDirectory(dir); !made)
        return made;
    struct stat st
    {};
    if (::lstat(QFile::encodeName(dir).constData(), &st) != 0)
        return files::errnoError(errno, QStringLiteral("inspect"), dir);
    if (!S_ISDIR(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is not a directory").arg(dir));
    if ((st.st_mode & 077) != 0)
        return makeError(ErrorCode::InsecurePermissions,
                         QStringLiteral("the TLS directory %1 is open to group or others (mode %2); refusing to put a "
                                        "private key there. Check its contents, then run: chmod 700 %1")
                             .arg(dir, modeText(st.st_mode)));
    return {};
}

// Reads the key file into a scrubbed buffer, refusing it when group or others have any access to it. Symbolic
// links are followed (certificate tools keep the current key behind one); the mode checked is the target's.
Result<SecureBytes> readKeyFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the TLS key %1 does not exist; give the path of the certificate's "
                                            "private key, or generate a new pair")
                                 .arg(path));
        return files::errnoError(errno, QStringLiteral("read the TLS key"), path);
    }
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    struct stat st
    {};
    if (::fstat(fd, &st) != 0)
        return files::errnoError(errno, QStringLiteral("read the TLS key"), path);
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the TLS key %1 is not a regular file").arg(path));
    if ((st.st_mode & 077) != 0)
        return makeError(ErrorCode::InsecurePermissions,
                         QStringLiteral("the TLS key %1 is accessible by group or others (mode %2); refusing to use "
                                        "it. Check that nobody copied it, then run: chmod 600 %1")
                             .arg(path, modeText(st.st_mode)));
    if (st.st_size > kMaxKeyBytes)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the TLS key %1 is too large to be a PEM private key (%2 bytes)").arg(path).arg(st.st_size));
    SecureBytes bytes(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return files::errnoError(errno, QStringLiteral("read the TLS key"), path);
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    bytes.truncate(done);
    return bytes;
}

// Never prompt on a terminal for a passphrase: an encrypted key is refused with advice instead.
int noPassphrase(char*, int, int, void*)
{
    return -1;
}

Result<Key> parsePrivateKey(const SecureBytes& pem, const QString& path)
{
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Key key(bio ? PEM_read_bio_PrivateKey_ex(bio.get(), nullptr, noPassphrase, nullptr, nullptr, nullptr) : nullptr);
    if (key)
        return key;
    if (pem.view().contains("ENCRYPTED"))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the TLS key %1 is protected by a passphrase, which Gatehouse cannot ask for "
                                        "at start; write an unencrypted copy only you can read, e.g. "
                                        "(umask 077; openssl pkey -in %1 -out server.key), and use that")
                             .arg(path));
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("%1 holds no PEM private key (a \"-----BEGIN PRIVATE KEY-----\", \"EC PRIVATE "
                                    "KEY\" or \"RSA PRIVATE KEY\" block); name the certificate's key file")
                         .arg(path));
}

// Accepts EC P-256 and P-384, and RSA of at least 2048 bits; tells the Qt algorithm of the key.
Result<QSsl::KeyAlgorithm> checkKeyStrength(EVP_PKEY* key, const QString& path)
{
    const QString advice = QStringLiteral("; Gatehouse accepts EC P-256 or P-384 keys and RSA keys of at least 2048 "
                                          "bits: make a new key and certificate, e.g. with a P-256 key");
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[80] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1) {
            const int nid = OBJ_sn2nid(group);
            if (nid == NID_X9_62_prime256v1 || nid == NID_secp384r1)
                return QSsl::Ec;
        }
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the TLS key %1 uses the elliptic curve %2").arg(path, QLatin1String(group)) +
                             advice);
    }
    if (EVP_PKEY_is_a(key, "RSA")) {
        const int bits = EVP_PKEY_get_bits(key);
        if (bits >= 2048)
            return QSsl::Rsa;
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the TLS key %1 is a %2-bit RSA key, which is too weak").arg(path).arg(bits) +
                             advice);
    }
    const char* type = EVP_PKEY_get0_type_name(key);
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("the TLS key %1 is of type %2, which Gatehouse does not use for TLS")
                             .arg(path, QLatin1String(type ? type : "unknown")) +
                         advice);
}

bool keyMatches(const QSslCertificate& certificate, EVP_PKEY* key)
{
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509Cert cert(d2i_X509(nullptr, &data, der.size()));
    return cert && X509_check_private_key(cert.get(), key) == 1;
}

Result<void> checkValidity(const QList<QSslCertificate>& chain, const QString& path, const Clock& clock)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC);
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QSslCertificate& cert = chain.at(i);
        const QString which = i == 0 ? QStringLiteral("the TLS certificate %1").arg(path)
                                     : QStringLiteral("certificate %1 of the chain in %2 (%3)")
                                           .arg(i + 1)
                                           .arg(path, cert.subjectDisplayName());
        if (now < cert.effectiveDate())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 is not valid before %2 (it is now %3); check the system clock, or "
                                            "use a certificate that is valid now")
                                 .arg(which, cert.effectiveDate().toString(Qt::ISODate), now.toString(Qt::ISODate)));
        if (now > cert.expiryDate())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 expired on %2; renew it, or for a generated certificate move "
                                            "server.crt and server.key away and generate a new pair")
                                 .arg(which, cert.expiryDate().toString(Qt::ISODate)));
    }
    return {};
}

} // namespace

QString TlsCertificate::certificatePath(const QString& directory)
{
    return directory + QStringLiteral("/tls/server.crt");
}

QString TlsCertificate::keyPath(const QString& directory)
{
    return directory + QStringLiteral("/tls/server.key");
}

QString TlsCertificate::fingerprintOf(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

Result<TlsCertificate> TlsCertificate::generate(const QString& directory, const QStringList& extraNames, Clock& clock)
{
    OpenSslErrorScope errorScope;
    auto names = altNames(extraNames);
    if (!names)
        return names.error();

    const QString tlsDir = directory + QStringLiteral("/tls");
    if (auto prepared = preparePrivateDirectory(tlsDir); !prepared)
        return prepared.error();
    // Held until the pair is complete, so two processes cannot each write half of a pair.
    const int lockFd = ::open(QFile::encodeName(tlsDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lockFd < 0)
        return files::errnoError(errno, QStringLiteral("open directory"), tlsDir);
    const auto unlock = qScopeGuard([lockFd] { ::close(lockFd); });
    if (::flock(lockFd, LOCK_EX) != 0)
        return files::errnoError(errno, QStringLiteral("lock"), tlsDir);

    const QString certFile = certificatePath(directory);
    const QString keyFile = keyPath(directory);
    const auto keyExists = [&keyFile] {
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("a TLS key already exists at %1; refusing to replace it. Keep using it, or "
                                        "move server.key and server.crt away to generate a new pair")
                             .arg(keyFile));
    };
    if (files::exists(keyFile))
        return keyExists();

    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return cryptoFailure("generating the P-256 TLS key");
    auto cert = selfSignedCertificate(key.get(), names.value(), clock.nowMs() / 1000);
    if (!cert)
        return cert.error();
    auto certText = certificatePem(cert.value().get());
    auto keyText = privateKeyPem(key.get());
    if (!certText)
        return certText.error();
    if (!keyText)
        return keyText.error();

    // The key is written last: a crash before it leaves only a certificate, which the next run replaces.
    if (auto written = files::writeAtomically(certFile, certText.value(), 0644); !written)
        return written.error();
    if (auto written = files::createExclusively(keyFile, keyText.value().view(), 0600); !written) {
        ::unlink(QFile::encodeName(certFile).constData());
        return written.error().code == ErrorCode::AlreadyExists ? keyExists() : written.error();
    }
    return load(certFile, keyFile, clock);
}

Result<TlsCertificate> TlsCertificate::load(const QString& certificatePath, const QString& keyPath, Clock& clock)
{
    OpenSslErrorScope errorScope;
    auto certText = files::readAll(certificatePath, kMaxCertificateBytes);
    if (!certText) {
        if (certText.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the TLS certificate %1 does not exist; give the path of a PEM "
                                            "certificate, or generate a new pair")
                                 .arg(certificatePath));
        return certText.error();
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certText.value(), QSsl::Pem);
    if (chain.isEmpty() || std::any_of(chain.begin(), chain.end(), [](const auto& c) { return c.isNull(); }))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 holds no readable PEM certificate (\"-----BEGIN CERTIFICATE-----\"); "
                                        "convert a DER file with: openssl x509 -inform der -in FILE -out FILE.pem")
                             .arg(certificatePath));

    auto keyText = readKeyFile(keyPath);
    if (!keyText)
        return keyText.error();
    auto key = parsePrivateKey(keyText.value(), keyPath);
    if (!key)
        return key.error();
    auto algorithm = checkKeyStrength(key.value().get(), keyPath);
    if (!algorithm)
        return algorithm.error();
    if (!keyMatches(chain.first(), key.value().get()))
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("the TLS key %1 does not belong to the certificate in %2 (the first "
                                        "certificate in that file must be the server's own); give the key the "
                                        "certificate was issued for")
                             .arg(keyPath, certificatePath));
    if (auto valid = checkValidity(chain, certificatePath, clock); !valid)
        return valid.error();

    // Qt takes the key as PEM; the normalised PKCS#8 text lives only in scrubbed buffers on our side.
    auto normalised = privateKeyPem(key.value().get());
    if (!normalised)
        return normalised.error();
    const SecureBytes& pem = normalised.value();
    QSslKey qtKey(QByteArray::fromRawData(pem.chars(), static_cast<qsizetype>(pem.size())), algorithm.value(),
                  QSsl::Pem, QSsl::PrivateKey);
    if (qtKey.isNull())
        return makeError(
            ErrorCode::Crypto,
            QStringLiteral("Qt's TLS backend could not take the key %1; check that Qt uses OpenSSL 3").arg(keyPath));
    return TlsCertificate(chain, std::move(qtKey));
}

} // namespace gatehouse::api
