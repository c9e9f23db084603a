package org.opencps.client.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real server (over HTTPS, with a certificate made for the run) for all end-to-end test classes
 * of a test run: started by the first that asks, stopped when the run ends. Device tests also get a
 * {@link DeviceScene} of their own.
 */
public final class SharedServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServerUnderTest.class || type == DeviceScene.class;
    }

    /** The server for the run; a device scene (organization and printer) per test class, closed after it. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ServerUnderTest server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(ServerUnderTest.class, key -> ServerUnderTest.start(true), ServerUnderTest.class);
        if (parameter.getParameter().getType() == ServerUnderTest.class) {
            return server;
        }
        String label = context.getRequiredTestClass().getSimpleName();
        return context.getStore(ExtensionContext.Namespace.create(SharedServer.class, label))
                .computeIfAbsent(DeviceScene.class, key -> DeviceScene.start(server, label), DeviceScene.class);
    }
}
