/**
 * Generated files: the registries, the plugin index, the service files. Writers build sources
 * from validated models only and never report user errors; the step writes what they build
 * through the {@code Filer}.
 */
package dev.patchbay.processor.writing;
