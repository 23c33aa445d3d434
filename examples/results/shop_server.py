import http.server, random, time, sys, threading
random.seed(9)
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        path = self.path.split('?')[0]
        with lock:
            r = random.random()
        code = 200
        if path == '/redirect':
            time.sleep(0.005 + r * 0.02); code = 302
        elif path == '/landing':
            time.sleep(0.02 + r * 0.06)
        elif path == '/search':
            time.sleep(0.04 + r * r * 0.4)
        elif path == '/cart':
            time.sleep(0.015 + r * 0.03)
        elif path == '/pay':
            time.sleep(0.1 + r * r * 0.9)
            if r > 0.93: code = 500
        body = ("<html><body>%s</body></html>" % path).encode() * 20
        self.send_response(code)
        if code == 302:
            self.send_header('Location', '/landing?from=home')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
