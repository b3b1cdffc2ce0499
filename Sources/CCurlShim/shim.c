#include "CCurlShim.h"

CURLcode nhv_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nhv_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nhv_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode nhv_setopt_write(CURL *handle, nhv_data_callback callback, void *owner) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_WRITEDATA, owner);
}

CURLcode nhv_setopt_read(CURL *handle, nhv_data_callback callback, void *owner) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_READDATA, owner);
}

CURLcode nhv_setopt_debug(CURL *handle, nhv_debug_callback callback, void *owner) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
    if (code != CURLE_OK) return code;
    code = curl_easy_setopt(handle, CURLOPT_DEBUGDATA, owner);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
}

#include <unistd.h>

// One Swift function each, the same for every handle (set again with each, to the same value); the
// handle's owner travels as the callbacks' data.
static nhv_progress_callback progress_function;
static nhv_socket_callback socket_function;

static int nhv_xferinfo(void *owner, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    return progress_function(owner);
}

CURLcode nhv_setopt_progress(CURL *handle, nhv_progress_callback callback, void *owner) {
    progress_function = callback;
    CURLcode code = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, nhv_xferinfo);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, owner);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    return code;
}

static int nhv_sockopt(void *owner, curl_socket_t socket, curlsocktype purpose) {
    (void)purpose;
    socket_function(owner, socket, 1);
    return CURL_SOCKOPT_OK;
}

static int nhv_closesocket(void *owner, curl_socket_t socket) {
    socket_function(owner, socket, 0);
    return close(socket);
}

CURLcode nhv_setopt_sockets(CURL *handle, nhv_socket_callback callback, void *owner) {
    socket_function = callback;
    CURLcode code = curl_easy_setopt(handle, CURLOPT_SOCKOPTFUNCTION, nhv_sockopt);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_SOCKOPTDATA, owner);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_CLOSESOCKETFUNCTION, nhv_closesocket);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_CLOSESOCKETDATA, owner);
    return code;
}

long nhv_getinfo_long(CURL *handle, CURLINFO info) {
    long value = 0;
    curl_easy_getinfo(handle, info, &value);
    return value;
}
