#ifndef BC_WEBHOOKS_COPENSSL_SHIM_H
#define BC_WEBHOOKS_COPENSSL_SHIM_H

#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>

/// Fills `buffer` with `count` bytes from OpenSSL's CSPRNG; returns 1 on success.
static inline int bcw_rand_bytes(unsigned char *buffer, int count) {
    return RAND_bytes(buffer, count);
}

/// HMAC-SHA256 of `data` keyed with `key`; writes 32 bytes to `out`. Returns 1 on success.
static inline int bcw_hmac_sha256(const unsigned char *key, int keyLength,
                                  const unsigned char *data, size_t dataLength,
                                  unsigned char *out) {
    unsigned int outLength = 0;
    return HMAC(EVP_sha256(), key, keyLength, data, dataLength, out, &outLength) != NULL && outLength == 32;
}

/// SHA-1 digest of `data`; writes 20 bytes to `out`. Returns 1 on success.
static inline int bcw_sha1(const unsigned char *data, size_t dataLength, unsigned char *out) {
    unsigned int outLength = 0;
    return EVP_Digest(data, dataLength, out, &outLength, EVP_sha1(), NULL) == 1 && outLength == 20;
}

/// Overwrites `count` bytes at `buffer` with zeros in a way the compiler cannot elide.
static inline void bcw_cleanse(void *buffer, size_t count) {
    OPENSSL_cleanse(buffer, count);
}

#endif
