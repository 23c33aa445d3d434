// perfgate: runs only when this jmeter-server could not write its data files (see data-setup.groovy). Its failed
// sample carries the reason to the controller's results, where perfgate reports the server as failed, and it stops
// this server's test so that the thread groups never run without their data.
SampleResult.setSuccessful(false)
SampleResult.setResponseCode('500')
SampleResult.setResponseMessage(props.getProperty('perfgate.data.failure',
        'perfgate: the data files were not written on this jmeter-server (see its jmeter.log)'))
SampleResult.setStopTestNow(true)
