package org.opencps.platform.secrets;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;
import org.opencps.platform.config.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    MasterKey masterKey(DataDirectory dataDirectory,
                        @Value("${opencps.secrets.master-key-file:}") String masterKeyFile) {
        var file = masterKeyFile.isBlank()
                ? dataDirectory.privateFolder("keys").resolve("master-key.json")
                : java.nio.file.Path.of(masterKeyFile);
        return new LocalFileMasterKey(file);
    }
}
