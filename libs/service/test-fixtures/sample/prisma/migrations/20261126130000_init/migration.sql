-- CreateTable
CREATE TABLE "samples" (
    "id" TEXT NOT NULL,

    CONSTRAINT "samples_pkey" PRIMARY KEY ("id")
);
