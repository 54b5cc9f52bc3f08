"""A TCP proxy on loopback that can stop forwarding and start again: a cable pulled out and
put back between pgdesk and its server, packets that just stop (no RST, no FIN). Every
connection's bytes wait while it is stopped and go on once it forwards again."""

from __future__ import annotations

import socket
import threading


class StallingProxy:
    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.forwarding = threading.Event()
        self.forwarding.set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def stop_forwarding(self) -> None:
        self.forwarding.clear()

    def forward_again(self) -> None:
        self.forwarding.set()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            self._open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self.forwarding.wait()  # stopped: the bytes wait here, nothing is answered
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        """Ends every connection (a shutdown, which also wakes a pump waiting on it: a server
        session half set up while stopped would otherwise wait for its login until the server's
        authentication_timeout)."""
        self._closed = True
        self.forwarding.set()
        self._listener.close()
        for s in self._open:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
