FROM_SUB = "sub"
