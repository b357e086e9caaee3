package io.attendance.adapter.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/** A connection its users cannot close, as a host's source hands out one it keeps (a transaction's, a single connection). */
final class UnclosableConnection {
    private UnclosableConnection() {
    }

    static Connection of(Connection connection) {
        return (Connection) Proxy.newProxyInstance(UnclosableConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
