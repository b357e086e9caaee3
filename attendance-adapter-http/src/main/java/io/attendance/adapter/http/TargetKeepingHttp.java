package io.attendance.adapter.http;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that keep a request target Jetty refuses to read, such as a path with
 * {@code %00}, as the connection's {@link #UNREADABLE_TARGET} attribute. Jetty answers such a request
 * on a stand-in of its own whose path is not the client's; with the target kept, {@link ErrorResponses}
 * still answers in the error shape of the API the client called. The connection closes after that
 * answer, and the attribute with it.
 */
final class TargetKeepingHttp extends HttpConnectionFactory {
    static final String UNREADABLE_TARGET = TargetKeepingHttp.class.getName() + ".unreadableTarget";

    TargetKeepingHttp(HttpConfiguration configuration) {
        super(configuration);
    }

    /** As {@link HttpConnectionFactory#newConnection}, with a connection that keeps what it cannot read. */
    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpStreamOverHTTP1 newHttpStream(String method, String target, HttpVersion version) {
                try {
                    return super.newHttpStream(method, target, version);
                } catch (IllegalArgumentException unreadable) {
                    setAttribute(UNREADABLE_TARGET, target);
                    throw unreadable;
                }
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }
}
