package org.opencps.testing;

import java.time.Clock;
import org.opencps.printing.PrintJobs;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Registers {@link FakePrintJobs} in a test context only when the application brings no
 * {@link PrintJobs} of its own: until the printing module's implementation is merged. After
 * that, every test runs against the real one and this does nothing.
 */
final class StandInPrintJobs implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getBeanNamesForType(PrintJobs.class, true, false).length == 0) {
            var definition = new org.springframework.beans.factory.support.RootBeanDefinition(FakePrintJobs.class);
            definition.setInstanceSupplier(() -> new FakePrintJobs(beanFactory.getBean(Clock.class)));
            ((org.springframework.beans.factory.support.BeanDefinitionRegistry) beanFactory)
                    .registerBeanDefinition("standInPrintJobs", definition);
        }
    }
}
