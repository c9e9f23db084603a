package org.opencps.ipp.internal.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers {@code Expect: 100-continue} as soon as the headers are in, by default. Answering
 * it only when the body is first read lets the IPP endpoint refuse wrong credentials with a 401
 * before a client such as CUPS sends its document. This applies to the whole connector: on every
 * other route it only moves the interim response to the moment the body is actually wanted.
 */
@Configuration(proxyBeanMethods = false)
class ContinueOnRead {

    @Bean
    TomcatConnectorCustomizer continueResponseOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
