// Every file of the project an hour old, as in a working tree nobody is editing: a check keeps no
// outcome while a file is seconds old (a second write within its time stamp could go unseen).
def old = System.currentTimeMillis() - 3600 * 1000L
basedir.eachFileRecurse { f -> if (f.isFile()) { f.setLastModified(old) } }
return true
