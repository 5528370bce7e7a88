package demo.job;

import dev.patchbay.Contract;
import dev.patchbay.RequireMethod;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a batch job: the scheduler calls its process() method. */
@Contract
@RequireMethod(name = "process", parameters = {})
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Job {}
