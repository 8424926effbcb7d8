PRESENT = "from present"
