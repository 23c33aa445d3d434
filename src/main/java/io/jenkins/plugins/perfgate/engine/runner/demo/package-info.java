/**
 * {@code DemoTarget}, the small HTTP service {@code perfgate demo} loads. Uses only the JDK.
 */
package io.jenkins.plugins.perfgate.engine.runner.demo;
