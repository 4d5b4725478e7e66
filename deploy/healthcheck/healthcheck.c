/*
 * Container healthcheck for images without curl or a usable shell (quarkus-micro-image):
 *   healthcheck PORT PATH   ->  exit 0 when GET http://127.0.0.1:PORT/PATH answers HTTP 200, else 1.
 * Built with the Mandrel builder image's gcc in Dockerfile.native / Dockerfile.jvm.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: healthcheck PORT PATH\n");
        return 2;
    }
    int port = atoi(argv[1]);
    if (port <= 0 || port > 65535 || argv[2][0] != '/') {
        fprintf(stderr, "healthcheck: bad port or path\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    struct timeval timeout = {4, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short) port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        perror("connect");
        return 1;
    }
    char request[512];
    int length = snprintf(request, sizeof request,
            "GET %s HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n", argv[2]);
    if (length <= 0 || length >= (int) sizeof request || write(fd, request, (size_t) length) != length) {
        fprintf(stderr, "healthcheck: request not sent\n");
        return 1;
    }
    char status[64];
    ssize_t got = read(fd, status, sizeof status - 1);
    close(fd);
    if (got <= 0) {
        fprintf(stderr, "healthcheck: no answer\n");
        return 1;
    }
    status[got] = '\0';
    char *line_end = strstr(status, "\r\n");
    if (line_end != NULL) {
        *line_end = '\0';
    }
    printf("%s\n", status);
    /* "HTTP/1.1 200 OK": the status code follows the first space */
    char *code = strchr(status, ' ');
    return code != NULL && strncmp(code + 1, "200", 3) == 0 ? 0 : 1;
}
