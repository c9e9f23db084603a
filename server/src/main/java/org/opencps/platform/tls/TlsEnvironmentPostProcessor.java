package org.opencps.platform.tls;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code opencps.tls.*} into a Spring Boot PEM SSL bundle that serves the web server and
 * is reloaded when the files are renewed. Explicit {@code spring.ssl.*} / {@code server.ssl.*}
 * settings still win over what is derived here.
 */
public class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TlsProperties tls = Binder.get(environment)
                .bindOrCreate("opencps.tls", TlsProperties.class);
        if (tls.configured()) {
            environment.getPropertySources().addLast(new MapPropertySource("opencpsTls", tls.serverSslProperties()));
            DefaultPropertiesPropertySource.moveToEnd(environment);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
